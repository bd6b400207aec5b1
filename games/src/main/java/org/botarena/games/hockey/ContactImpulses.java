package org.botarena.games.hockey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.botarena.protocol.Json;
import org.jbox2d.collision.ContactID;
import org.jbox2d.collision.Manifold;
import org.jbox2d.collision.ManifoldPoint;

/**
 * The impulses of the contacts that touched at the end of a step, by contact point, so that the
 * next step's rebuilt world starts its solver from them as a long-lived Box2D world does (warm
 * starting). A contact is named by its two fixtures' numbers in the build order; a point by Box2D's
 * contact feature key. Saved as {@code [fixtureA, fixtureB, key, normal, tangent, ...]} per
 * contact.
 */
final class ContactImpulses {

  private record Entry(int fixtureA, int fixtureB, int[] keys, float[] normal, float[] tangent) {}

  private final List<Entry> entries = new ArrayList<>();

  void add(int fixtureA, int fixtureB, Manifold manifold) {
    int count = manifold.pointCount;
    int[] keys = new int[count];
    float[] normal = new float[count];
    float[] tangent = new float[count];
    for (int i = 0; i < count; i++) {
      ManifoldPoint point = manifold.points[i];
      keys[i] = point.id.getKey();
      normal[i] = point.normalImpulse;
      tangent[i] = point.tangentImpulse;
    }
    entries.add(new Entry(fixtureA, fixtureB, keys, normal, tangent));
  }

  /**
   * Gives a new contact of these two fixtures the points and impulses it had in the last step;
   * Box2D then carries each impulse to the new point with the same feature key.
   */
  void restore(int fixtureA, int fixtureB, Manifold manifold) {
    for (Entry entry : entries) {
      if (entry.fixtureA == fixtureA && entry.fixtureB == fixtureB) {
        manifold.pointCount = entry.keys.length;
        for (int i = 0; i < entry.keys.length; i++) {
          ManifoldPoint point = manifold.points[i];
          setKey(point.id, entry.keys[i]);
          point.normalImpulse = entry.normal[i];
          point.tangentImpulse = entry.tangent[i];
        }
        return;
      }
    }
  }

  /**
   * How long ago a contact of these fixtures was made, as the last step's contact list had them
   * (newest first): its place there, or -1 for a contact the last step did not have.
   */
  int age(int fixtureA, int fixtureB) {
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      if (entry.fixtureA == fixtureA && entry.fixtureB == fixtureB) {
        return i;
      }
    }
    return -1;
  }

  private static void setKey(ContactID id, int key) {
    id.indexA = (byte) (key >>> 24);
    id.indexB = (byte) (key >>> 16);
    id.typeA = (byte) (key >>> 8);
    id.typeB = (byte) key;
  }

  ArrayNode toJson() {
    ArrayNode json = Json.array();
    for (Entry entry : entries) {
      ArrayNode contact = json.addArray().add(entry.fixtureA).add(entry.fixtureB);
      for (int i = 0; i < entry.keys.length; i++) {
        contact.add(entry.keys[i]).add((double) entry.normal[i]).add((double) entry.tangent[i]);
      }
    }
    return json;
  }

  static ContactImpulses fromJson(JsonNode json) {
    ContactImpulses impulses = new ContactImpulses();
    for (JsonNode contact : json) {
      int count = (contact.size() - 2) / 3;
      int[] keys = new int[count];
      float[] normal = new float[count];
      float[] tangent = new float[count];
      for (int i = 0; i < count; i++) {
        keys[i] = contact.get(2 + 3 * i).intValue();
        normal[i] = (float) contact.get(3 + 3 * i).doubleValue();
        tangent[i] = (float) contact.get(4 + 3 * i).doubleValue();
      }
      impulses.entries.add(
          new Entry(contact.get(0).intValue(), contact.get(1).intValue(), keys, normal, tangent));
    }
    return impulses;
  }
}
