#!/usr/bin/env python3
"""PyTorch's side of the batch-norm cross-check (a development check; the test suite does not
need torch). Builds a VGG-BN in PyTorch with torchvision's own `make_layers(cfg,
batch_norm=True)` (so the features are indexed and named as in torchvision's vgg*_bn), gives it
random weights and non-trivial running statistics, and writes one safetensors file with:

  param.<name>    every state-dict entry (torchvision's names; num_batches_tracked int64)
  x, labels       a batch of inputs and labels
  logits          evaluation-mode logits (running statistics)
  loss, grad.<n>  training-mode loss and gradients (batch statistics; dropout off)
  running.<name>  the running statistics after that training forward

`bench/torch_bn_check.ts` then runs this project on the same file and compares. Usage:

  /usr/bin/python3.11 bench/torch_bn_check.py --config E --width 8 --out /tmp/e_bn.safetensors
  deno run -A bench/torch_bn_check.ts nets/e_bn.ts --width 8 --size 32 --classes 10 \\
      /tmp/e_bn.safetensors

  # the committed fixture of tests/batchnorm_torch.test.ts (a tiny net):
  /usr/bin/python3.11 bench/torch_bn_check.py --tiny --out tests/fixtures/bn_torch.safetensors

The classifier is torchvision's (FC, ReLU, dropout, FC, ReLU, dropout, FC) at the divided width
over the flattened features, without the adaptive 7x7 average pool (at 224 it is the identity;
at 32 it would copy the 1x1 map 49 times, which nets/*_bn.ts do not do).
"""
import argparse
import json
import struct

import torch
from torch import nn
from torchvision.models.vgg import cfgs, make_layers

TORCHVISION = {"A": "vgg11_bn", "B": "vgg13_bn", "D": "vgg16_bn", "E": "vgg19_bn"}


class Net(nn.Module):
    """features / classifier, named as torchvision's VGG names them."""

    def __init__(self, cfg, hidden, classes, in_features, channels):
        super().__init__()
        self.features = make_layers(cfg, batch_norm=True) if channels == 3 else _layers(
            cfg, channels)
        layers = []
        for h in hidden:
            layers += [nn.Linear(in_features, h), nn.ReLU(True), nn.Dropout(0.5)]
            in_features = h
        layers.append(nn.Linear(in_features, classes))
        self.classifier = nn.Sequential(*layers)

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


def _layers(cfg, channels):
    # make_layers with another input channel count (it assumes 3): the same modules in the
    # same order.
    layers, c = [], channels
    for v in cfg:
        if v == "M":
            layers.append(nn.MaxPool2d(kernel_size=2, stride=2))
        else:
            layers += [nn.Conv2d(c, v, kernel_size=3, padding=1), nn.BatchNorm2d(v), nn.ReLU(True)]
            c = v
    return nn.Sequential(*layers)


def build(args):
    if args.tiny:
        # The net of tests/batchnorm_torch.test.ts:
        #   conv3-4-BN >> maxpool >> conv3-6-BN >> maxpool >> FC-8 >> FC-5 >> soft-max
        return Net([4, "M", 6, "M"], [8], 5, 6 * 2 * 2, 2), (3, 2, 8, 8)
    cfg = [v if v == "M" else max(1, round(v / args.width)) for v in cfgs[args.config]]
    side = args.size // 32
    hidden = max(1, round(4096 / args.width))
    net = Net(cfg, [hidden, hidden], args.classes, cfg[-2] * side * side, 3)
    return net, (args.batch, 3, args.size, args.size)


def randomise(net, gen):
    """Random weights, and running statistics, scales and shifts away from their defaults."""
    with torch.no_grad():
        for name, t in net.state_dict().items():
            if name.endswith("num_batches_tracked"):
                t.fill_(5)
            elif name.endswith("running_var"):
                t.copy_(0.5 + torch.rand(t.shape, generator=gen))
            elif name.endswith("running_mean"):
                t.copy_(0.3 * torch.randn(t.shape, generator=gen))
            elif t.dim() == 1:
                t.copy_((1.0 if _is_bn_weight(net, name) else 0.0) +
                        0.2 * torch.randn(t.shape, generator=gen))
            else:
                fan_in = t[0].numel()
                t.copy_(torch.randn(t.shape, generator=gen) * (2.0 / fan_in) ** 0.5)


def _is_bn_weight(net, name):
    module = net.get_submodule(name.rsplit(".", 1)[0])
    return isinstance(module, nn.BatchNorm2d) and name.endswith(".weight")


def write_safetensors(path, tensors, metadata):
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name, t in tensors.items():
        t = t.detach().contiguous().cpu()
        dtype = {torch.float32: "F32", torch.int64: "I64", torch.int32: "I32"}[t.dtype]
        raw = t.numpy().tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--config", default="E", choices=sorted(TORCHVISION))
    p.add_argument("--width", type=int, default=8)
    p.add_argument("--size", type=int, default=32)
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--batch", type=int, default=4)
    p.add_argument("--tiny", action="store_true", help="the tiny net of the committed fixture")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", required=True)
    args = p.parse_args()

    gen = torch.Generator().manual_seed(args.seed)
    net, shape = build(args)
    randomise(net, gen)
    classes = net.classifier[-1].out_features
    x = torch.randn(shape, generator=gen)
    labels = torch.arange(shape[0]) * 3 % classes

    out = {f"param.{k}": v.clone() for k, v in net.state_dict().items()}
    out["x"], out["labels"] = x, labels.to(torch.int64)
    net.eval()
    with torch.no_grad():
        out["logits"] = net(x)
    net.train()
    for m in net.modules():
        if isinstance(m, nn.Dropout):
            m.eval()  # dropout off: the gradients compared are those of `deno task grad`
    loss = nn.functional.cross_entropy(net(x), labels)
    loss.backward()
    out["loss"] = loss.detach().reshape([])
    for k, v in net.named_parameters():
        out[f"grad.{k}"] = v.grad
    for k, v in net.state_dict().items():
        if "running" in k or "num_batches" in k:
            out[f"running.{k}"] = v.clone()
    name = "tiny" if args.tiny else f"{TORCHVISION[args.config]} / width {args.width}"
    write_safetensors(args.out, out, {"net": name, "torch": torch.__version__})
    print(f"{args.out}: {name}, input {list(shape)}, loss {loss.item():.6f}")


if __name__ == "__main__":
    main()
