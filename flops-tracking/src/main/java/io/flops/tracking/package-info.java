/** Experiment tracking port with MLflow server and MLflow file-store adapters. */
package io.flops.tracking;
