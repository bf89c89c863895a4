import type { Observer, ShopperWatch } from '../load/types.js';
import { ShopperCart, type CartDefect } from './cart-shopper.js';

export interface DefectCount {
  count: number;
  /** The first one seen, in words; no cookie or token value. */
  example?: string;
}

/** What rule `checkout-load/cart-consistency` judges. */
export interface CartObservations {
  /** A line key moved under the shopper: change.js by the key just seen answered 400, or two reads with no change between disagree. */
  lineKeyChanged: DefectCount;
  /** A quantity answered 200 by add/update/change that the next cart read does not show. */
  quantityNotReflected: DefectCount;
  /** After a 422 from add.js, the next read disagrees with the last successful change (the "frozen cart"). */
  staleAfter422: DefectCount;
  /** A `cart` Set-Cookie without `?key=`: the shopper's next request lands in a new cart. */
  cookieWithoutKey: DefectCount;
  /** `/cart.js` answers judged: 0 means there was nothing to judge, not a clean cart. */
  cartReads: number;
}

/** Watches every shopper's cart exchanges for the four cart-consistency defects (one ShopperCart a session). */
export class CartObserver implements Observer<CartObservations> {
  readonly #defects: Record<CartDefect, DefectCount> = {
    lineKeyChanged: { count: 0 },
    quantityNotReflected: { count: 0 },
    staleAfter422: { count: 0 },
    cookieWithoutKey: { count: 0 },
  };
  #cartReads = 0;

  forShopper(): ShopperWatch {
    const cart = new ShopperCart(
      (defect, example) => {
        const tally = this.#defects[defect];
        tally.count += 1;
        tally.example ??= example;
      },
      () => {
        this.#cartReads += 1;
      },
    );
    return (exchange) => cart.see(exchange);
  }

  summary(): CartObservations {
    const copy = (tally: DefectCount): DefectCount => ({ ...tally });
    return {
      lineKeyChanged: copy(this.#defects.lineKeyChanged),
      quantityNotReflected: copy(this.#defects.quantityNotReflected),
      staleAfter422: copy(this.#defects.staleAfter422),
      cookieWithoutKey: copy(this.#defects.cookieWithoutKey),
      cartReads: this.#cartReads,
    };
  }
}
