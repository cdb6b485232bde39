/** What every module's tests share: real servers (Keycloak, PostgreSQL, Chromium with axe-core) and the architecture rules. */
@NullMarked
package org.stpkit.testsupport;

import org.jspecify.annotations.NullMarked;
