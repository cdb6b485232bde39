/**
 * The one web server the CLI's local pages run in ({@code stp gallery}, {@code stp forms preview},
 * {@code stp docs}): Jetty on this machine, with govuk-frontend's assets.
 */
@NullMarked
package org.stpkit.cli.internal.web;

import org.jspecify.annotations.NullMarked;
