/**
 * Spring Boot auto-configuration for STP Kit, one package per product ({@code templates},
 * {@code forms}, {@code notify}, {@code idam}); this package holds what they share: the exception
 * a start-up problem is reported by, and its failure analysis.
 */
@NullMarked
package org.stpkit.spring;

import org.jspecify.annotations.NullMarked;
