export { parseInventory, loadInventory, loadInventorySync, isUnassignedOwner } from './parse.js';
export { inventoryInit, type InventoryInitOptions } from './init.js';
export { entryForSecret, entryForFinding, kindOfScope } from './match.js';
export {
  INVENTORY_FILE,
  INVENTORY_FILES,
  IDENTITY_KINDS,
  ENTRY_FIELDS,
  formatInventoryProblem,
  type IdentityKind,
  type Inventory,
  type InventoryEntry,
  type InventoryProblem,
} from './schema.js';
