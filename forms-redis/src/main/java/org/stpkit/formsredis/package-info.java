/**
 * forms-engine's journeys in Redis: {@link org.stpkit.formsredis.RedisSessions} gives each form an
 * {@code org.stpkit.forms.spi.AnswerStore} that any number of instances share.
 */
@NullMarked
package org.stpkit.formsredis;

import org.jspecify.annotations.NullMarked;
