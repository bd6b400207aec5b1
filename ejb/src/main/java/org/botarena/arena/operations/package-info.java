/**
 * What an operator and an admin do and watch: the instances of the cluster, FAILED matches, and the
 * admin page's operations (the same as the admin CLI's), each checked for the admin role.
 */
package org.botarena.arena.operations;
