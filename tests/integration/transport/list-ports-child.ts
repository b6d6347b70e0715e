// Child process for serial-list.test.ts: prints the result of listSerialPorts() as JSON.
import { listSerialPorts } from '../../../core/hardware/transport/serial-list';

listSerialPorts().then(
  (result) => process.stdout.write(JSON.stringify(result)),
  (error: unknown) => {
    process.stdout.write(JSON.stringify({ rejected: String(error) }));
    process.exitCode = 1;
  },
);
