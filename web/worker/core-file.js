// Which build of the core to load: cronaca-simd.wasm where the engine has WebAssembly SIMD (every
// current browser and Node), cronaca.wasm elsewhere. The probe is the smallest module that uses
// SIMD: one function returning i32x4.splat(0).
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b,       // types: () -> v128
  0x03, 0x02, 0x01, 0x00,                         // functions: one of type 0
  0x0a, 0x08, 0x01, 0x06, 0x00,                   // code: one body of 6 bytes, no locals
  0x41, 0x00, 0xfd, 0x11, 0x0b,                   // i32.const 0, i32x4.splat, end
]);

const hasSimd = () => {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
};

export const coreFile = () => (hasSimd() ? 'cronaca-simd.wasm' : 'cronaca.wasm');
