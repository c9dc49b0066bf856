// The runtime's error for failures on the device: a validation or out-of-memory error on submit,
// a kernel that does not compile, a lost device, a missing buffer.
import { UserError } from "../compiler/errors.ts";

export class GpuError extends UserError {}
