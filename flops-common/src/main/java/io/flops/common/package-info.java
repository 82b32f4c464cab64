/**
 * Shared SLA and domain model, events and MQTT topics, the Orchestrator port, the FL protocol,
 * error types.
 */
package io.flops.common;
