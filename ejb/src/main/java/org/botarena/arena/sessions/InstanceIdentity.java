package org.botarena.arena.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This instance's id ({@code arena.instance.id}): unique per running instance of the cluster. */
@ApplicationScoped
public class InstanceIdentity {

  @Inject
  @ConfigProperty(name = "arena.instance.id")
  String id;

  public String id() {
    return id;
  }

  public boolean isMe(String instance) {
    return id.equals(instance);
  }
}
