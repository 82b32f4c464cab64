package io.flops.manager.deploy;

/**
 * One cluster of a hierarchical project: its name on the platform and its 1-based position among
 * the project's clusters (what service names use, as cluster names may hold any character).
 *
 * @param name the cluster's name
 * @param index its position, from 1
 */
public record ClusterSlot(String name, int index) {}
