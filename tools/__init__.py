"""Helpers shared by the tests and the benchmarks (bench/): Debian's Chromium and a loopback web server."""
