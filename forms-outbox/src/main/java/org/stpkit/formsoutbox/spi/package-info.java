/**
 * Extension points: an output a submission is delivered to ({@link org.stpkit.formsoutbox.spi.SubmissionOutput})
 * and what it is handed. Names no API type, so that the API can name it without a cycle.
 */
@NullMarked
package org.stpkit.formsoutbox.spi;

import org.jspecify.annotations.NullMarked;
