/**
 * A local HTTP server compatible with GOV.UK Notify's v2 API: start one with
 * {@link org.stpkit.notify.simulator.NotifySimulator#start(SimulatorConfig)}.
 */
@NullMarked
package org.stpkit.notify.simulator;

import org.jspecify.annotations.NullMarked;
