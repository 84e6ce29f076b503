// Renders its children only while a category or a service is granted, and the
// fallback otherwise (also before the manifest is known: fail closed); by
// default the placeholder the dialog draws for a blocked iframe.
import { createElement, Fragment, type ReactNode } from 'react';
import { ConsentPlaceholder } from './ConsentPlaceholder';
import { useConsent } from './useConsent';

interface GateContent {
  /** Shown while consent is missing; `null` for nothing. @default a placeholder with the name and a button granting it */
  fallback?: ReactNode;
  children?: ReactNode;
}

/** Gate on one category (`category="analytics"`) or one service (`service="youtube"`), not both. */
export type ConsentGateProps = GateContent & (
  | { category: string; service?: never }
  | { service: string; category?: never }
);

export function ConsentGate(props: ConsentGateProps) {
  const state = useConsent();
  const granted = props.service !== undefined
    ? state.services[props.service] === true
    : state.categories[props.category!] === true;
  if (granted) return createElement(Fragment, null, props.children);
  if (props.fallback !== undefined) return createElement(Fragment, null, props.fallback);
  return createElement(ConsentPlaceholder, { id: (props.service ?? props.category)! });
}
