package org.example.mini;

import io.flops.mlapi.DataManager;
import io.flops.mlapi.LocalData;

/** Hands the local data to the model unchanged. */
public class MiniDataManager implements DataManager<LocalData> {

  @Override
  public LocalData prepare(LocalData data) {
    return data;
  }
}
