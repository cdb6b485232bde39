/**
 * A local HTTP server compatible with GOV.UK Notify's v2 API: start one with
 * {@link org.stpkit.notifysimulator.NotifySimulator#start(SimulatorConfig)}.
 */
@NullMarked
package org.stpkit.notifysimulator;

import org.jspecify.annotations.NullMarked;
