/**
 * The manager's REST API as types (docs/api.md): the resources the manager answers with ({@link
 * io.flops.common.api.ProjectView}, {@link io.flops.common.api.ProjectSummary}, {@link
 * io.flops.common.api.MockJobView}, {@link io.flops.common.api.TrackingView}, {@link
 * io.flops.common.api.Problem}, ...) and the vocabulary they speak ({@link
 * io.flops.common.api.ProjectState}, {@link io.flops.common.api.MockJobState}, {@link
 * io.flops.common.api.Milestone}, {@link io.flops.common.api.Stage}). The manager maps its stored
 * records to them; the command line reads them. Every JSON name is snake_case, except the
 * original's {@code customerID}.
 */
package io.flops.common.api;
