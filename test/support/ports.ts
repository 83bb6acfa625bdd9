/**
 * Loopback ports for the servers the tests start. Each test has its own number; a checkout can
 * shift them all with `FIREBREAK_TEST_PORT_OFFSET` so that two checkouts on one machine can run
 * their suites at the same time.
 */
export function testPort(port: number): number {
  const offset = Number(process.env['FIREBREAK_TEST_PORT_OFFSET'] ?? 0);
  return port + (Number.isInteger(offset) ? offset : 0);
}
