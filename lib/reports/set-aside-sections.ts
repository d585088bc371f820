import { labelOf, splitLabel } from './report-outline';
import type { Block } from './report-blocks';

/**
 * Sections that are legal or house text, never the report's argument: disclaimers, copyright, the analyst's
 * statement, rating definitions. They are neither risks nor summary nor key points.
 */
const SET_ASIDE_LABEL =
  /^(?:免责(?:声明|条款|申明)|法律声明|重要(?:声明|提示|提醒)|一般声明|特别(?:声明|提示)|分析师(?:声明|承诺|简介|介绍)|(?:投资)?评级(?:说明|标准|定义|体系)|(?:证券|行业|公司)?投资评级(?:说明|标准)?|版权(?:声明|所有|说明)?|信息披露|disclaimers?|important (?:disclosures?|notice)|analyst certification|rating definitions?|copyright(?: notice)?|legal (?:notice|disclaimer))$/i;
/** Lines of house text that appear anywhere: `市场有风险，投资需谨慎`, `本报告仅供参考`, `版权所有`, `未经许可…转载`. */
export const HOUSE_LINE =
  /市场有风险|投资需谨慎|入市需谨慎|不构成(?:任何)?投资建议|仅供参考|据此投资|风险自担|免责声明|版权所有|版权归|未经(?:[^，。]{0,12})?(?:许可|授权|同意)|不得(?:转载|复制)|转载请注明|all rights reserved|not investment advice|for information only/i;

/** Whether a heading or bold line starts a set-aside section. */
export const isSetAsideHeading = (text: string) => SET_ASIDE_LABEL.test(labelOf(text));

/**
 * The blocks without set-aside sections (a heading that names one and everything under it, to the next heading of
 * its level or higher), without `免责声明：…` paragraphs and without house lines.
 */
export function withoutSetAside(blocks: readonly Block[]): Block[] {
  const kept: Block[] = [];
  let skipDepth = 0;
  for (const block of blocks) {
    if (skipDepth) {
      if (block.kind !== 'heading' || block.depth > skipDepth) continue;
      skipDepth = 0;
    }
    if (block.kind === 'heading' && isSetAsideHeading(block.text)) {
      skipDepth = block.depth;
      continue;
    }
    const labelled = splitLabel(block.text);
    if (labelled && SET_ASIDE_LABEL.test(labelled.label)) continue;
    if (HOUSE_LINE.test(block.text)) continue;
    kept.push(block);
  }
  return kept;
}
