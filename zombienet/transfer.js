// Zombienet js-script: Alice sends a transfer to Bob through the given node and waits for
// finality; returns 0 when Bob's balance grew by the amount.
async function run(nodeName, networkInfo) {
  const { wsUri, userDefinedTypes } = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(wsUri, userDefinedTypes);
  await zombie.util.cryptoWaitReady();
  const keyring = new zombie.Keyring({ type: 'sr25519' });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const before = (await api.query.system.account(bob.address)).data.free.toBigInt();
  const amount = 1_000_000_000_000n;
  await new Promise((resolve, reject) => {
    api.tx.balances.transferKeepAlive(bob.address, amount).signAndSend(alice, ({ status, dispatchError }) => {
      if (dispatchError) reject(new Error(dispatchError.toString()));
      if (status.isFinalized) resolve();
    }).catch(reject);
  });
  const after = (await api.query.system.account(bob.address)).data.free.toBigInt();
  await api.disconnect();
  return after - before === amount ? 0 : 1;
}

module.exports = { run };
