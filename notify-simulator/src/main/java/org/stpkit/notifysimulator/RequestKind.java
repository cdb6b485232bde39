package org.stpkit.notifysimulator;

/** The kinds of request Notify answers, as faults tell them apart. */
public enum RequestKind {
  /** {@code POST /v2/notifications/{email,sms,letter}}. */
  SEND,
  /** {@code GET /v2/notifications?...}: a lookup by reference, status or type. */
  LOOKUP,
  /** {@code GET /v2/notifications/{id}}: one notification's status. */
  STATUS,
  /** {@code GET /v2/template/...}, {@code POST /v2/template/{id}/preview}. */
  TEMPLATE,
  /** {@code GET /v2/received-text-messages}. */
  RECEIVED_TEXTS,
  /** Anything else under Notify's API (a letter's PDF, an unknown route). */
  OTHER
}
