package org.stpkit.notifyrules;

/** Why Notify would refuse a value, with the message Notify's API gives for it. */
public enum Refusal {
  EMAIL_INVALID("Not a valid email address"),
  PHONE_LETTERS_OR_SYMBOLS("Must not contain letters or symbols"),
  PHONE_NOT_UK_MOBILE("Not a UK mobile number"),
  PHONE_TOO_MANY_DIGITS("Too many digits"),
  PHONE_NOT_ENOUGH_DIGITS("Not enough digits"),
  ADDRESS_TOO_FEW_LINES("Address must be at least 3 lines"),
  ADDRESS_TOO_MANY_LINES("Address must be no more than 7 lines"),
  ADDRESS_LAST_LINE("Last line of address must be a real UK postcode or another country"),
  FILE_TOO_LARGE("File is larger than 2MB"),
  FILE_TYPE("Unsupported file type"),
  FILE_NAME("A file needs a filename with an extension, such as report.pdf"),
  RETENTION_PERIOD("Unsupported value for retention_period. Supported periods are from 1 to 78 weeks."),
  POSTAGE_FOR_ADDRESS("Postage must be europe or rest-of-world for an address outside the UK, and first, second or economy for a UK address");

  private final String notifyMessage;

  Refusal(String notifyMessage) {
    this.notifyMessage = notifyMessage;
  }

  /** The message Notify's API answers with (in a 400 ValidationError or BadRequestError). */
  public String notifyMessage() {
    return notifyMessage;
  }
}
