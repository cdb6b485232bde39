package org.stpkit.notifysimulator.internal;

import java.util.List;
import java.util.Map;
import org.stpkit.notifyrules.Postage;
import org.stpkit.notifysimulator.SimulatedTemplate;

/**
 * A send that passed Notify's checks, ready to store.
 *
 * @param recipient the email address or phone number as sent, or the letter's first address line
 * @param addressLines a letter's address; empty for other channels
 */
record CheckedSend(SimulatedTemplate template, String recipient, List<String> addressLines,
    Map<String, Object> personalisation, Postage postage) {}
