/**
 * npm run make-coco-imagenet
 * Writes src/offscreen/detect/coco-imagenet.json: for each COCO class, the ImageNet classes that are
 * kinds of it (dog -> the 118 breeds, car -> sports car, cab, …). Written out by hand once, below, as
 * (index, everyday name) pairs and name-checked ranges; this script refuses to write unless every
 * index holds the name written beside it in the shared labels, no class sits under two COCO names,
 * and every COCO name exists. Ranges follow ImageNet's WordNet order (all dogs are 151..268).
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COCO_CLASSES } from '../src/offscreen/detect/coco-classes';
import SIMPLE_NAMES from '../src/shared/imagenet-simple-labels.json' with { type: 'json' };

type Pick = [number, string] | { from: [number, string]; to: [number, string] };
const range = (from: [number, string], to: [number, string]): Pick => ({ from, to });

export const SPEC: Record<string, Pick[]> = {
  bicycle: [[444, 'tandem bicycle'], [671, 'mountain bike'], [870, 'tricycle'], [880, 'unicycle']],
  car: [[436, 'station wagon'], [468, 'taxicab'], [511, 'convertible'], [609, 'jeep'], [627, 'limousine'], [656, 'minivan'],
    [661, 'Model T'], [717, 'pickup truck'], [751, 'race car'], [817, 'sports car'], [407, 'ambulance'], [734, 'police van']],
  motorcycle: [[670, 'scooter'], [665, 'moped']],
  airplane: [[404, 'airliner'], [895, 'military aircraft'], [908, 'wing']],
  bus: [[779, 'school bus'], [874, 'trolleybus'], [654, 'minibus']],
  train: [[466, 'high-speed train'], [547, 'electric locomotive'], [565, 'freight car'], [705, 'passenger car'],
    [820, 'steam locomotive'], [829, 'tram']],
  truck: [[555, 'fire engine'], [569, 'garbage truck'], [675, 'moving van'], [864, 'tow truck'], [867, 'semi-trailer truck']],
  boat: [[472, 'canoe'], [484, 'catamaran'], [510, 'container ship'], [554, 'fireboat'], [576, 'gondola'], [625, 'lifeboat'],
    [628, 'ocean liner'], [724, 'pirate ship'], [780, 'schooner'], [814, 'motorboat'], [833, 'submarine'], [871, 'trimaran'],
    [914, 'yawl'], [403, 'aircraft carrier']],
  'traffic light': [[920, 'traffic light']],
  'stop sign': [[919, 'traffic sign']],
  'parking meter': [[704, 'parking meter']],
  bench: [[703, 'park bench']],
  bird: [range([7, 'cock'], [24, 'great grey owl']), range([80, 'black grouse'], [100, 'black swan']),
    range([127, 'white stork'], [146, 'albatross'])],
  cat: [range([281, 'tabby cat'], [285, 'Egyptian Mau'])],
  dog: [range([151, 'Chihuahua'], [268, 'Mexican hairless dog'])],
  horse: [[339, 'common sorrel']],
  sheep: [[348, 'ram']],
  cow: [[345, 'ox']],
  elephant: [[101, 'tusker'], [385, 'Asian elephant'], [386, 'African bush elephant']],
  bear: [range([294, 'brown bear'], [297, 'sloth bear'])],
  zebra: [[340, 'zebra']],
  backpack: [[414, 'backpack']],
  umbrella: [[879, 'umbrella']],
  handbag: [[748, 'purse']],
  tie: [[906, 'Windsor tie'], [457, 'bow tie']],
  skis: [[795, 'ski']],
  'sports ball': [[805, 'soccer ball'], [430, 'basketball'], [429, 'baseball'], [852, 'tennis ball'], [768, 'rugby ball'],
    [574, 'golf ball'], [890, 'volleyball'], [722, 'ping-pong ball'], [522, 'croquet ball']],
  'tennis racket': [[752, 'racket']],
  bottle: [[440, 'beer bottle'], [720, 'pill bottle'], [737, 'soda bottle'], [898, 'water bottle'], [907, 'wine bottle']],
  'wine glass': [[572, 'goblet'], [966, 'red wine']],
  cup: [[968, 'cup'], [504, 'coffee mug']],
  spoon: [[910, 'wooden spoon']],
  bowl: [[809, 'soup bowl'], [659, 'mixing bowl']],
  banana: [[954, 'banana']],
  apple: [[948, 'Granny Smith']],
  sandwich: [[933, 'cheeseburger']],
  orange: [[950, 'orange']],
  broccoli: [[937, 'broccoli']],
  'hot dog': [[934, 'hot dog']],
  pizza: [[963, 'pizza']],
  cake: [[927, 'trifle']],
  chair: [[423, 'barber chair'], [559, 'folding chair'], [765, 'rocking chair'], [857, 'throne']],
  couch: [[831, 'couch']],
  'potted plant': [[738, 'pot']],
  bed: [[564, 'four-poster bed']],
  'dining table': [[532, 'dining table']],
  toilet: [[861, 'toilet seat']],
  tv: [[851, 'television'], [664, 'monitor'], [782, 'CRT screen']],
  laptop: [[620, 'laptop computer'], [681, 'notebook computer']],
  mouse: [[673, 'computer mouse']],
  remote: [[761, 'remote control']],
  keyboard: [[508, 'computer keyboard']],
  'cell phone': [[487, 'mobile phone'], [528, 'rotary dial telephone']],
  microwave: [[651, 'microwave oven']],
  toaster: [[859, 'toaster']],
  sink: [[896, 'sink']],
  refrigerator: [[760, 'refrigerator']],
  book: [[921, 'dust jacket']],
  clock: [[409, 'analog clock'], [892, 'wall clock'], [530, 'digital clock']],
  vase: [[883, 'vase']],
  'teddy bear': [[850, 'teddy bear']],
  'hair drier': [[589, 'hair dryer']],
};

const names = SIMPLE_NAMES as string[];

function checked([index, name]: [number, string]): number {
  if (names[index] !== name) throw new Error(`ImageNet class ${index} is "${names[index]}", not "${name}"`);
  return index;
}

export function resolveSpec(spec: Record<string, Pick[]>): Record<string, number[]> {
  const owner = new Map<number, string>();
  const out: Record<string, number[]> = {};
  for (const [coco, picks] of Object.entries(spec)) {
    if (!(COCO_CLASSES as readonly string[]).includes(coco)) throw new Error(`"${coco}" is not a COCO class`);
    const indices: number[] = [];
    for (const pick of picks) {
      if (Array.isArray(pick)) indices.push(checked(pick));
      else for (let i = checked(pick.from); i <= checked(pick.to); i++) indices.push(i);
    }
    for (const index of indices) {
      const before = owner.get(index);
      if (before) throw new Error(`ImageNet class ${index} (${names[index]}) is under both ${before} and ${coco}`);
      owner.set(index, coco);
    }
    out[coco] = indices.sort((a, b) => a - b);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'offscreen', 'detect', 'coco-imagenet.json');
  const mapping = resolveSpec(SPEC);
  await writeFile(out, `${JSON.stringify(mapping)}\n`);
  const total = Object.values(mapping).reduce((sum, list) => sum + list.length, 0);
  console.log(`coco-imagenet: ${Object.keys(mapping).length} COCO classes, ${total} ImageNet classes -> ${out}`);
}
