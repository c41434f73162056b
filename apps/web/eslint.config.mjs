// The monorepo's lint rules, minus what scripts/build-client.mjs writes into public/.
import root from '../../eslint.config.mjs';

export default [...root, { ignores: ['public/_assets/**', 'public/embed/**', 'bench/**'] }];
