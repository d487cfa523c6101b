// Zombienet js-script: over 12 seconds, blocks must keep coming while finality stands still
// (two of four GRANDPA voters are paused: 2 < threshold 3). Returns 0 when that holds.
async function run(nodeName, networkInfo) {
  const { wsUri, userDefinedTypes } = networkInfo.nodesByName[nodeName];
  const api = await zombie.connect(wsUri, userDefinedTypes);
  const heights = async () => {
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    const fin = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    return { best, fin };
  };
  const before = await heights();
  await new Promise((r) => setTimeout(r, 12_000));
  const after = await heights();
  await api.disconnect();
  return after.best >= before.best + 2 && after.fin <= before.fin + 1 ? 0 : 1;
}

module.exports = { run };
