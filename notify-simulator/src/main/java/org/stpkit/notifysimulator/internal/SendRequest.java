package org.stpkit.notifysimulator.internal;

import java.util.Map;
import java.util.Optional;
import org.stpkit.notifysimulator.TemplateType;

/**
 * A send as its request body gives it, well formed but not yet checked against the service.
 *
 * @param recipient the email address or phone number; empty for letters
 * @param personalisation values as sent: text, or a JSON object (such as a file) as a map
 * @param emailReplyToId {@code email_reply_to_id}: a UUID, not yet looked up
 * @param smsSenderId {@code sms_sender_id}: a UUID, not yet looked up
 * @param unsubscribeUrl {@code one_click_unsubscribe_url}: an https URL
 */
record SendRequest(
    TemplateType type,
    String templateId,
    Optional<String> recipient,
    Map<String, Object> personalisation,
    Optional<String> reference,
    Optional<String> postage,
    Optional<String> emailReplyToId,
    Optional<String> smsSenderId,
    Optional<String> unsubscribeUrl) {}
