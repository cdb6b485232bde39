package org.stpkit.notifysimulator.internal;

import java.util.List;
import java.util.Optional;
import org.stpkit.notifysimulator.TemplateType;

/** {@code GET /v2/notifications}'s filters and the page it starts after. */
record ListQuery(Optional<TemplateType> type, List<String> statuses, Optional<String> reference,
    Optional<String> olderThan) {}
