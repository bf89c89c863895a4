import type { Product } from '../../shopify/cart.js';

export interface CatalogueVariant {
  id: number;
  title: string;
  /** Minor units: 12900 is 129.00. */
  price: number;
  /** Units on hand when the simulator starts. */
  stock: number;
  sku: string;
}

export interface CatalogueProduct {
  id: number;
  handle: string;
  title: string;
  vendor: string;
  type: string;
  variants: CatalogueVariant[];
}

/**
 * The demo store's catalogue, fixed so recordings and tests name the same ids: a jacket with plenty of
 * stock in two sizes, and a doorbuster of which only five exist (the oversell target).
 */
export const DEFAULT_CATALOGUE: readonly CatalogueProduct[] = [
  {
    id: 4000,
    handle: 'trail-jacket',
    title: 'Trail Jacket',
    vendor: 'Acme Outfitters',
    type: 'Jackets',
    variants: [
      { id: 40001, title: 'M', price: 12900, stock: 1000, sku: 'TJ-M' },
      { id: 40002, title: 'L', price: 12900, stock: 1000, sku: 'TJ-L' },
    ],
  },
  {
    id: 4010,
    handle: 'doorbuster-lantern',
    title: 'Doorbuster Lantern',
    vendor: 'Acme Outfitters',
    type: 'Camping',
    variants: [{ id: 40101, title: 'Default Title', price: 1999, stock: 5, sku: 'DL-1' }],
  },
];

/** Variants by id, each with its product. */
export class Catalogue {
  readonly products: readonly CatalogueProduct[];
  readonly #variants = new Map<number, { product: CatalogueProduct; variant: CatalogueVariant }>();

  constructor(products: readonly CatalogueProduct[]) {
    this.products = products;
    for (const product of products) for (const variant of product.variants) this.#variants.set(variant.id, { product, variant });
  }

  variant(id: number): { product: CatalogueProduct; variant: CatalogueVariant } | undefined {
    return this.#variants.get(id);
  }

  byHandle(handle: string): CatalogueProduct | undefined {
    return this.products.find((product) => product.handle === handle);
  }

  /** `/products/<handle>.js` as Shopify answers it, with availability from the stock left. */
  productJson(product: CatalogueProduct, stockOf: (variantId: number) => number): Product {
    const prices = product.variants.map((variant) => variant.price);
    const variants = product.variants.map((variant) => ({
      id: variant.id,
      product_id: product.id,
      title: variant.title,
      option1: variant.title,
      sku: variant.sku,
      price: variant.price,
      available: stockOf(variant.id) > 0,
    }));
    return {
      id: product.id,
      title: product.title,
      handle: product.handle,
      vendor: product.vendor,
      type: product.type,
      tags: [],
      options: ['Size'],
      price: Math.min(...prices),
      price_min: Math.min(...prices),
      price_max: Math.max(...prices),
      available: variants.some((variant) => variant.available),
      variants,
    };
  }
}
