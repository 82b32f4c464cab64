/**
 * A project's observer event log, shared by the observer and the manager: events kept in arrival
 * order without duplicates ({@link io.flops.common.observer.EventLog}), persisted as JSON lines
 * ({@link io.flops.common.observer.JsonLinesEventStore}), read leniently from MQTT payloads ({@link
 * io.flops.common.observer.EventIntake}), the client of the observer's JSON and SSE API ({@link
 * io.flops.common.observer.ObserverClient}), and the relay of a log to server-sent-event streams
 * ({@link io.flops.common.observer.web.EventStreamRelay}, which needs Spring MVC).
 */
package io.flops.common.observer;
