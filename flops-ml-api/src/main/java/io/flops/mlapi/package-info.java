/**
 * The contract a user's ML repository implements: ModelManager, DataManager, the local-data view.
 */
package io.flops.mlapi;
