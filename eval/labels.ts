// Class names for a net's outputs: the names a weights file carries (training writes the
// dataset's, e.g. ImageNet's words), else guessed from the net's shape: ImageNet's 1000 classes,
// Fashion-MNIST for 10-class grey nets, CIFAR-10 for 10-class colour 32x32 nets; else "class N".
import { CIFAR10_DEFAULT_CLASSES } from "../data/cifar10.ts";
import { FASHION_MNIST_CLASSES } from "../data/fashion_mnist.ts";
import type { Model } from "../dsl/mod.ts";
import { IMAGENET_CLASSES } from "./imagenet_classes.ts";

export function classNames(m: Model, metadata?: Record<string, string>): string[] {
  const saved = savedNames(metadata, m.classes);
  if (saved) return saved;
  const [c, h] = m.input;
  if (m.classes === 1000) return [...IMAGENET_CLASSES];
  if (m.classes === 10 && c === 1) return [...FASHION_MNIST_CLASSES];
  if (m.classes === 10 && c === 3 && h === 32) return [...CIFAR10_DEFAULT_CLASSES];
  return Array.from({ length: m.classes }, (_, i) => `class ${i}`);
}

/** The `k` highest-probability classes of one row, best first. */
export function topK(
  probs: ArrayLike<number>,
  k: number,
): { class: number; probability: number }[] {
  const idx = Array.from({ length: probs.length }, (_, i) => i);
  idx.sort((a, b) => probs[b] - probs[a] || a - b);
  return idx.slice(0, k).map((i) => ({ class: i, probability: probs[i] }));
}

/** The `classes` metadata of a weights file (a JSON array of names), if it fits the net. */
function savedNames(metadata: Record<string, string> | undefined, k: number): string[] | null {
  if (!metadata?.classes) return null;
  try {
    const names = JSON.parse(metadata.classes);
    const ok = Array.isArray(names) && names.length === k &&
      names.every((n) => typeof n === "string");
    return ok ? names : null;
  } catch {
    return null;
  }
}
