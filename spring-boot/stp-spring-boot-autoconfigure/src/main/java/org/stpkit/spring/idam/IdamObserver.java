package org.stpkit.spring.idam;

import java.util.Optional;
import org.stpkit.idam.ApplyResult;
import org.stpkit.idam.Plan;

/** What a joiners, movers and leavers run reports (Micrometer, when present). */
interface IdamObserver {
  IdamObserver NONE = (plan, result, refused) -> {};

  void ran(Plan plan, Optional<ApplyResult> result, boolean refused);
}
