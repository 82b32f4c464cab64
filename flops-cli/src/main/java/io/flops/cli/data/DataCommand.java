package io.flops.cli.data;

import picocli.CommandLine.Command;

/** {@code flops data}: the data on the learner nodes' data servers. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Data on the learner nodes' data servers (flops nodes lists what they hold).",
    subcommands = DataPushCommand.class)
public final class DataCommand {}
