/** How FLOps' own servers check the bearer tokens the manager gives their clients. */
package io.flops.common.access;
