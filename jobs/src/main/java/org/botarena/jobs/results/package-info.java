/** The rating MDB: a finished match's result message applied to the ratings exactly once. */
package org.botarena.jobs.results;
