package io.flops.manager.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: keys are stored exactly as H2's {@link
 * ObjectDataType} stores them, but compared value by value ({@code compareTo} for strings, numbers,
 * ids and the like) instead of by Java-serializing both keys at every step of a look-up, which took
 * a third of the store's time under load. Two keys are equal exactly when they were before (same
 * types, equal values), so uniqueness does not change; only the order of the keys in the map does,
 * so an index map written in the old order is re-sorted when it is opened ({@link #open}).
 */
final class IndexKeyType extends ObjectDataType {

  private IndexKeyType() {}

  /**
   * Opens the index map {@code name} of {@code store} with this key type (creating it if needed)
   * and re-sorts its entries when they are in another order. Later {@code openMap(name)} calls get
   * this map.
   */
  static MVMap<KeyValue, Object> open(MVStore store, String name) {
    IndexKeyType keys = new IndexKeyType();
    MVMap<KeyValue, Object> map =
        store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(keys));
    if (!keys.sorts(map)) {
      List<Map.Entry<KeyValue, Object>> entries = new ArrayList<>(map.entrySet());
      map.clear();
      entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
    }
    return map;
  }

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue left && b instanceof KeyValue right) {
      int common = Math.min(left.size(), right.size());
      for (int i = 0; i < common; i++) {
        int order = compareValues(left.get(i), right.get(i));
        if (order != 0) {
          return order;
        }
      }
      return Integer.compare(left.size(), right.size());
    }
    return super.compare(a, b);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private int compareValues(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    if (a == null || b == null) {
      return a == null ? -1 : 1;
    }
    if (a.getClass() != b.getClass()) {
      return a.getClass().getName().compareTo(b.getClass().getName());
    }
    if (a instanceof String
        || a instanceof Long
        || a instanceof Integer
        || a instanceof Double
        || a instanceof Boolean) {
      return ((Comparable) a).compareTo(b);
    }
    return super.compare(a, b);
  }

  /** Whether every key of {@code map}, in its stored order, is below the next one in this order. */
  private boolean sorts(MVMap<KeyValue, Object> map) {
    KeyValue previous = null;
    for (KeyValue key : map.keySet()) {
      if (previous != null && compare(previous, key) >= 0) {
        return false;
      }
      previous = key;
    }
    return true;
  }
}
