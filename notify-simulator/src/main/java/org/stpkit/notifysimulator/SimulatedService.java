package org.stpkit.notifysimulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One Notify service in a simulator: its id, API keys and templates, who its team keys may send to,
 * its email reply-to addresses and text message senders (each with the id a send names), and the
 * number people text it on. Each service has its own messages, limits and received texts.
 *
 * @param name how tests and the simulator's own routes name the service ({@code default} for the
 *     configuration's first)
 * @param inboundNumber the number its received text messages were sent to ({@code notify_number})
 */
public record SimulatedService(
    String name,
    String serviceId,
    List<ApiKey> apiKeys,
    List<SimulatedTemplate> templates,
    List<String> teamEmails,
    List<String> teamPhones,
    List<EmailReplyTo> emailReplyTos,
    List<SmsSender> smsSenders,
    String inboundNumber) {

  /** The name of a configuration's first service. */
  public static final String DEFAULT = "default";
  /** The number received texts arrive at when none is configured. */
  public static final String DEFAULT_INBOUND_NUMBER = "07700900000";

  /** An email reply-to address of the service, named in a send by its id ({@code email_reply_to_id}). */
  public record EmailReplyTo(String id, String emailAddress) {
    public EmailReplyTo {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(emailAddress, "emailAddress");
    }
  }

  /** A text message sender of the service (a name or a number), named in a send by its id ({@code sms_sender_id}). */
  public record SmsSender(String id, String sender) {
    public SmsSender {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(sender, "sender");
    }
  }

  public SimulatedService {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(serviceId, "serviceId");
    apiKeys = List.copyOf(apiKeys);
    templates = List.copyOf(templates);
    teamEmails = List.copyOf(teamEmails);
    teamPhones = List.copyOf(teamPhones);
    emailReplyTos = List.copyOf(emailReplyTos);
    smsSenders = List.copyOf(smsSenders);
    Objects.requireNonNull(inboundNumber, "inboundNumber");
    if (apiKeys.isEmpty()) {
      throw new SimulatorException("The simulator needs at least one API key for service '" + name + "'");
    }
  }

  /**
   * A service with one key of each type (named {@code live}, {@code team}, {@code test}), random ids
   * and secrets, no team members, reply-to addresses or senders, and the given templates.
   */
  public static SimulatedService withTemplates(String name, List<SimulatedTemplate> templates) {
    return new SimulatedService(name, UUID.randomUUID().toString(),
        List.of(new ApiKey("live", KeyType.LIVE, UUID.randomUUID().toString()),
            new ApiKey("team", KeyType.TEAM, UUID.randomUUID().toString()),
            new ApiKey("test", KeyType.TEST, UUID.randomUUID().toString())),
        templates, List.of(), List.of(), List.of(), List.of(), DEFAULT_INBOUND_NUMBER);
  }

  public SimulatedService withTeamMembers(List<String> emails, List<String> phones) {
    return new SimulatedService(name, serviceId, apiKeys, templates, emails, phones, emailReplyTos, smsSenders,
        inboundNumber);
  }

  /** The service with one more email reply-to address. */
  public SimulatedService withEmailReplyTo(String id, String emailAddress) {
    List<EmailReplyTo> more = new ArrayList<>(emailReplyTos);
    more.add(new EmailReplyTo(id, emailAddress));
    return new SimulatedService(name, serviceId, apiKeys, templates, teamEmails, teamPhones, more, smsSenders,
        inboundNumber);
  }

  /** The service with one more text message sender. */
  public SimulatedService withSmsSender(String id, String sender) {
    List<SmsSender> more = new ArrayList<>(smsSenders);
    more.add(new SmsSender(id, sender));
    return new SimulatedService(name, serviceId, apiKeys, templates, teamEmails, teamPhones, emailReplyTos, more,
        inboundNumber);
  }

  public SimulatedService withInboundNumber(String number) {
    return new SimulatedService(name, serviceId, apiKeys, templates, teamEmails, teamPhones, emailReplyTos, smsSenders,
        number);
  }

  /** The full API key of the service's first key of a type. */
  public String apiKey(KeyType type) {
    return apiKeys.stream().filter(key -> key.type() == type).findFirst()
        .orElseThrow(() -> new SimulatorException("No " + type + " key is configured for service '" + name + "'"))
        .fullKey(serviceId);
  }
}
