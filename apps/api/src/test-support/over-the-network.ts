/** The part of a libSQL client that requests go through. */
interface Client {
  execute(...args: never[]): Promise<unknown>;
  batch(...args: never[]): Promise<unknown>;
}

/**
 * Makes every call to the database wait for the next turn of the event loop first, as a driver
 * over the network (D1, a libSQL server) does: requests made at once then interleave between
 * statements, as they do in production, instead of running one after the other.
 */
export function overTheNetwork(client: Client): void {
  const turn = () => new Promise((resolve) => setTimeout(resolve, 1));
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  client.execute = async (...args) => {
    await turn();
    return execute(...args);
  };
  client.batch = async (...args) => {
    await turn();
    return batch(...args);
  };
}
