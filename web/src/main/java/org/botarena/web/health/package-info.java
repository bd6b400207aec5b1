/**
 * MicroProfile Health checks (database, broker, this instance's gateway) and Metrics (queue depths,
 * the process) that the operator watches.
 */
package org.botarena.web.health;
