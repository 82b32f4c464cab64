/** Learner-side Arrow Flight client of the ML data server. */
package io.flops.dataclient;
