package org.stpkit.forms.spi;

/**
 * Sends the link of "Save and come back later" to the address the user gave. forms-notify's
 * {@code NotifyReturnLinkSender} sends it through GOV.UK Notify (notify-adapter). The engine saves
 * the user's progress first, then calls this; a sender that throws tells the user nothing was saved,
 * and the saved progress is discarded, so no link works that nobody received.
 */
@FunctionalInterface
public interface ReturnLinkSender {
  /**
   * Sends the link, or queues it durably to be sent.
   *
   * @throws RuntimeException when it could not; the user is told and may try again
   */
  void send(ReturnLink link);
}
