/**
 * TensorFlow's error classes, with TF's messages. Errors raised while running a
 * node carry its name (`node`) and TF's `[[{{node NAME}}]]` suffix.
 */
export class TFError extends Error {
  constructor(message: string, readonly node?: string) {
    super(node === undefined ? message : `${message}\n\t [[{{node ${node}}}]]`);
    this.name = new.target.name;
  }
}
export class InvalidArgumentError extends TFError {}
export class FailedPreconditionError extends TFError {}
export class NotFoundError extends TFError {}
export class UnimplementedError extends TFError {}
/** Python's ValueError / TypeError, raised while building a graph. */
export class ValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValueError';
  }
}
export class TypeError_ extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TypeError';
  }
}
