/**
 * The portal's page beans (Jakarta Faces with PrimeFaces): sign-up and sign-in, the dashboard, a
 * team and its bots, a bot's page, matches, the debug arena, and the admin pages. They call the ejb
 * module's services only; a refusal is a message on the page ({@code Pages.attempt}).
 */
package org.botarena.web.pages;
