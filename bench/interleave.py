#!/usr/bin/env python3
"""Times commands run one after another in turns, so that a noisy host's drift falls on all of
them alike (hyperfine times each command in its own block of runs).

    bench/interleave.py RUNS 'CMD ...' 'VAR=value CMD ...' ...

A command of one word gets `staged` appended (the pre-commit hook's invocation). Run it in the
work tree to measure. Prints each command's median and quartiles in milliseconds."""
import os
import statistics
import sys
import time


def parse(spec):
    env = dict(os.environ)
    words = spec.split()
    while words and "=" in words[0] and not words[0].startswith("/"):
        key, value = words.pop(0).split("=", 1)
        env[key] = value
    if len(words) == 1:
        words.append("staged")
    return words, env


def run(command, env, devnull):
    start = time.perf_counter_ns()
    pid = os.posix_spawnp(
        command[0], command, env,
        file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    os.waitpid(pid, 0)
    return (time.perf_counter_ns() - start) / 1e6


def main():
    runs, specs = int(sys.argv[1]), sys.argv[2:]
    devnull = os.open(os.devnull, os.O_WRONLY)
    commands = [parse(spec) for spec in specs]
    times = [[] for _ in specs]
    for command, env in commands:  # one warm-up each
        run(command, env, devnull)
    for turn in range(runs):
        order = range(len(specs)) if turn % 2 == 0 else reversed(range(len(specs)))
        for index in order:
            times[index].append(run(*commands[index], devnull))
    for spec, values in zip(specs, times):
        values.sort()
        quarter = len(values) // 4
        print(f"{spec[:70]:70s} median {statistics.median(values):6.2f}  "
              f"p25 {values[quarter]:6.2f}  p75 {values[3 * quarter]:6.2f}")


if __name__ == "__main__":
    main()
