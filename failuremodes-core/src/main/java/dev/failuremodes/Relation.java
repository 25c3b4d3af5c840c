package dev.failuremodes;

import java.util.Arrays;
import java.util.Optional;

/** How one failure mode relates to another. Every relation has an inverse that the other mode must state. */
public enum Relation {
  /** This mode often comes first and opens the way to the other. */
  CAN_PRECEDE("can-precede"),
  /** This mode often results from the other. */
  CAN_FOLLOW("can-follow"),
  /** The two are distinct causes that are easily confused and checked side by side. */
  PEER_OF("peer-of"),
  /** This mode is a specific kind of the other. */
  CHILD_OF("child-of"),
  /** The other mode is a specific kind of this one. */
  PARENT_OF("parent-of");

  private final String id;

  Relation(String id) {
    this.id = id;
  }

  /** Returns the kebab-case id used in the catalog JSON. */
  public String id() {
    return id;
  }

  /** Returns the relation the other mode must state back: precede/follow and child/parent swap, peer stays. */
  public Relation inverse() {
    switch (this) {
      case CAN_PRECEDE:
        return CAN_FOLLOW;
      case CAN_FOLLOW:
        return CAN_PRECEDE;
      case CHILD_OF:
        return PARENT_OF;
      case PARENT_OF:
        return CHILD_OF;
      default:
        return PEER_OF;
    }
  }

  /** Returns the relation with the given id. */
  public static Optional<Relation> find(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  /** Returns the id. */
  @Override
  public String toString() {
    return id;
  }
}
