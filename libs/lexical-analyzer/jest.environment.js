// onnxruntime-node returns typed arrays made in Node's own realm; jest runs tests in another realm, where
// `instanceof Float32Array` fails for them ("A float32 tensor's data must be type of Float32Array"). This
// environment gives the tests Node's typed-array constructors, as the services have.
const { TestEnvironment } = require('jest-environment-node');

const TYPED = ['ArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];

class OnnxEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxEnvironment;
