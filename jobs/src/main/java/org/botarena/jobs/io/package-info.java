/**
 * Bot I/O across instances: a step for a bot connected to another instance travels as a JMS message
 * to that instance's selector, and its answer back the same way.
 */
package org.botarena.jobs.io;
